#!/usr/bin/python3
# The SimPy peer of simulate_bench (issue #7): the same model, written the SimPy way for
# Debian's python3-simpy (SimPy 2.3, the classic Process/Resource API), on the same scenario
# file (`simulate_bench scenario ARRIVALS FILE` writes the reference model). Per person: the
# port's stages that apply to them (a Resource per stage and port, FIFO), a bed in the city's
# shelters then the overflow cities', nights until the checkout hour, and a bus home three
# times a day. Prints arrivals, events-like counts, CPU seconds and arrivals per CPU-second.
# Usage: /usr/bin/python3 bench/simulate/simpy_peer.py SCENARIO.json [SEED]
import json
import math
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, passivate, reactivate, release, \
    request, simulate

DAY = 1440.0
KINDS = ["men", "women", "families", "minors", "lgbtq", "medical"]


def distance_km(a, b):
    radians = math.pi / 180
    dlat, dlon = (b["lat"] - a["lat"]) * radians, (b["lon"] - a["lon"]) * radians
    h = math.sin(dlat / 2) ** 2 + math.cos(a["lat"] * radians) * math.cos(b["lat"] * radians) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def poisson(mean, rng):
    limit, product, count = math.exp(-mean), rng.random(), 0
    while product > limit:
        count += 1
        product *= rng.random()
    return count


class World:
    def __init__(self, scenario, seed):
        self.s = scenario
        self.rng = random.Random(seed)
        self.people = scenario.get("people", {})
        self.p = {k: self.people.get(k, d) for k, d in [
            ("men", 0.81), ("women", 0.13), ("minors", 0.06), ("lgbtq", 0.0), ("enters_centre", 0.56),
            ("documents", 0.45), ("imss", 0.60), ("medical", 0.17), ("psychological", 0.06),
            ("transport_home", 0.20), ("legal_aid", 0.03)]}
        stays = scenario.get("stays", {})
        self.stay = stays.get("default", {"zero_night_share": 0.6, "mean_nights_if_staying": 2.0})
        self.checkout = scenario.get("checkout_hour", 8) * 60
        self.cities = {c["id"]: c for c in scenario["cities"]}
        # Stages per port: (resource, applies_to, distribution).
        self.port_stages = {}
        for port in scenario["ports"]:
            stages = []
            for stage in scenario["stages"]:
                staff = port.get("staff", {}).get(stage["id"], stage.get("staff", 1))
                if staff > 0:
                    stages.append((Resource(capacity=staff, name=port["id"] + "/" + stage["id"]),
                                   stage.get("applies_to", "all"), stage["service_minutes"]))
            self.port_stages[port["id"]] = stages
        # Sections: [kind, beds, taken, city], by city in shelter order.
        self.city_sections = {c: [] for c in self.cities}
        for shelter in scenario.get("shelters", []):
            shelter_sections = [[s["kind"], s["beds"], 0, shelter["city"]] for s in shelter["sections"]]
            self.city_sections[shelter["city"]].append(shelter_sections)
        overflow = scenario.get("overflow", {})
        self.bed_cities = {}
        for city in self.cities:
            others = sorted((distance_km(self.cities[city], self.cities[o]), o) for o in self.cities
                            if o != city and self.city_sections[o])
            others = [o for km, o in others if km <= overflow.get("max_km", 500)][:overflow.get("other_cities", 2)]
            self.bed_cities[city] = [city] + others
        self.bus_queue = {c: [] for c in self.cities}
        self.arrivals = self.departed = self.without_bed = self.needed_bed = 0

    def service_time(self, d):
        kind = d.get("distribution", "exponential")
        if kind == "exponential":
            return self.rng.expovariate(1.0 / d["mean"])
        if kind == "constant":
            return d["mean"]
        if kind == "uniform":
            return self.rng.uniform(d["min"], d["max"])
        variance = math.log1p((d["sd"] / d["mean"]) ** 2)
        return self.rng.lognormvariate(math.log(d["mean"]) - variance / 2, math.sqrt(variance))

    def multiplier(self, port_id, day):
        factor = 1.0
        for m in self.s.get("multipliers", []):
            if m["from_day"] <= day <= m["to_day"] and (not m.get("ports") or port_id in m["ports"]):
                factor *= m["factor"]
        return factor

    def find_bed(self, city, kinds):
        for bed_city in self.bed_cities[city]:
            for shelter in self.city_sections[bed_city]:
                for kind in kinds:
                    for section in shelter:
                        if section[0] == kind and section[2] < section[1]:
                            return section
        return None


class Person(Process):
    def live(self, world, port):
        rng, p = world.rng, world.p
        draw = rng.random()
        category = "men" if draw < p["men"] else "women" if draw < p["men"] + p["women"] else "minors"
        lgbtq = category != "minors" and p["lgbtq"] > 0 and rng.random() < p["lgbtq"]
        needs = {"all"}
        nights = 0
        if rng.random() < p["enters_centre"]:
            needs.add("entrants")
            for need in ("documents", "imss", "medical", "psychological", "transport_home", "legal_aid"):
                if rng.random() < p[need]:
                    needs.add(need)
            if rng.random() >= world.stay["zero_night_share"]:
                q = 1.0 / world.stay["mean_nights_if_staying"]
                nights = 1 + (0 if q >= 1 else int(math.log(1.0 - rng.random()) / math.log1p(-q)))
        for resource, applies_to, distribution in world.port_stages[port["id"]]:
            if applies_to not in needs:
                continue
            yield request, self, resource
            yield hold, self, world.service_time(distribution)
            yield release, self, resource
        city = port["city"]
        if nights > 0:
            world.needed_bed += 1
            kinds = (["medical"] if "medical" in needs else []) + (["lgbtq"] if lgbtq else []) + \
                {"men": ["men"], "women": ["women", "families"], "minors": ["minors", "families"]}[category]
            section = world.find_bed(city, kinds)
            if section is None:
                world.without_bed += 1
            else:
                section[2] += 1
                leave = (math.floor(now() / DAY) + nights) * DAY + world.checkout
                yield hold, self, leave - now()
                section[2] -= 1
                city = section[3]
        if "transport_home" in needs and world.cities[city].get("buses", {}).get("departure_hours"):
            world.bus_queue[city].append(self)
            yield passivate, self
        world.departed += 1


class Bus(Process):
    def run(self, world, city):
        buses = world.cities[city]["buses"]
        hours = sorted(buses["departure_hours"])
        day = 0
        while True:
            for hour in hours:
                yield hold, self, max(0.0, day * DAY + hour * 60 - now())
                queue = world.bus_queue[city]
                boarding, world.bus_queue[city] = queue[:buses.get("seats", 45)], queue[buses.get("seats", 45):]
                for person in boarding:
                    reactivate(person)
            day += 1


class Batch(Process):
    def arrive(self, world, port, people):
        for _ in range(people):
            world.arrivals += 1
            person = Person()
            activate(person, person.live(world, port))
        yield hold, self, 0


class Days(Process):
    def run(self, world):
        for day in range(world.s.get("days", 365)):
            for port in world.s["ports"]:
                batch = port.get("batch", {"min": 15, "max": 100})
                mean_batch = (batch["min"] + batch["max"]) / 2.0
                hours = port.get("hours") or [{"from": 0, "to": 24, "weight": 1}]
                weights = [h.get("weight", 1) for h in hours]
                for _ in range(poisson(port["daily_rate"] * world.multiplier(port["id"], day) / mean_batch, world.rng)):
                    window = world.rng.choices(hours, weights)[0]
                    at = day * DAY + world.rng.uniform(window["from"], window["to"]) * 60
                    arrival = Batch()
                    activate(arrival, arrival.arrive(world, port, world.rng.randint(batch["min"], batch["max"])), at=at)
            yield hold, self, DAY


def main():
    scenario = json.load(open(sys.argv[1]))
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    start = time.process_time()
    initialize()
    world = World(scenario, seed)
    days = Days()
    activate(days, days.run(world))
    for city in world.cities:
        if world.cities[city].get("buses", {}).get("departure_hours"):
            bus = Bus()
            activate(bus, bus.run(world, city))
    simulate(until=scenario.get("days", 365) * DAY)
    seconds = time.process_time() - start
    print("simpy: %d arrivals, %d needed a bed, %d without, %d departed; %.2f CPU s: %.0f arrivals/CPU-s"
          % (world.arrivals, world.needed_bed, world.without_bed, world.departed, seconds, world.arrivals / seconds))


if __name__ == "__main__":
    main()
