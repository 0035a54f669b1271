// The transport relaxation as a min-cost flow (LEMON NetworkSimplex). Nodes: one per class
// (supply: its people), one per section with free beds (demand up to its beds: the GEQ
// form, supply -beds), and one overflow node (demand up to everyone). Arcs: class →
// suitable section at the per-person cost, class → overflow at the overflow cost. Every
// suitable section gets an arc (no pruning to the nearest): under a surge the far
// sections are where the people who would otherwise go without a bed fit.
//
// Duals: with LEMON's GEQ conventions the potentials are ≤ 0 and a section whose beds are
// not all used has potential 0; -potential is what one more bed there would save.
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include "allocate/prepared.h"

namespace acogida::allocate {

StatusOr<Relaxation> SolveRelaxation(const Prepared& prepared) {
  using Graph = lemon::SmartDigraph;
  Graph graph;
  const size_t class_count = prepared.classes.size();
  const size_t section_count = prepared.sections.size();
  size_t arc_count = class_count;
  for (const GroupClass& group_class : prepared.classes) arc_count += group_class.candidates.size();
  graph.reserveNode(static_cast<int>(class_count + section_count + 1));
  graph.reserveArc(static_cast<int>(arc_count));

  std::vector<Graph::Node> class_node(class_count), section_node(section_count, lemon::INVALID);
  for (size_t class_idx = 0; class_idx < class_count; ++class_idx) class_node[class_idx] = graph.addNode();
  for (size_t section_idx = 0; section_idx < section_count; ++section_idx) {
    if (prepared.free_beds[section_idx] > 0) section_node[section_idx] = graph.addNode();
  }
  const Graph::Node overflow = graph.addNode();

  Graph::NodeMap<int64_t> supply(graph, 0);
  Graph::ArcMap<int64_t> cost(graph);
  int64_t people = 0;
  for (size_t class_idx = 0; class_idx < class_count; ++class_idx) {
    const GroupClass& group_class = prepared.classes[class_idx];
    supply[class_node[class_idx]] = group_class.people;
    people += group_class.people;
    for (const Candidate& candidate : group_class.candidates) {
      if (section_node[candidate.section] == lemon::INVALID) continue;
      cost[graph.addArc(class_node[class_idx], section_node[candidate.section])] = candidate.cost;
    }
    cost[graph.addArc(class_node[class_idx], overflow)] = prepared.overflow_cost;
  }
  for (size_t section_idx = 0; section_idx < section_count; ++section_idx) {
    if (section_node[section_idx] != lemon::INVALID) {
      supply[section_node[section_idx]] = -prepared.free_beds[section_idx];
    }
  }
  supply[overflow] = -people;

  lemon::NetworkSimplex<Graph, int64_t, int64_t> solver(graph);
  solver.costMap(cost).supplyMap(supply).supplyType(decltype(solver)::GEQ);
  if (solver.run() != decltype(solver)::OPTIMAL) return Internal("the transport relaxation has no optimum");

  Relaxation relaxation;
  relaxation.optimum = solver.totalCost();
  relaxation.arcs = static_cast<size_t>(graph.arcNum());
  relaxation.flow.resize(class_count);
  std::vector<int> section_of_node(static_cast<size_t>(graph.maxNodeId()) + 1, -1);
  for (size_t section_idx = 0; section_idx < section_count; ++section_idx) {
    if (section_node[section_idx] != lemon::INVALID) {
      section_of_node[graph.id(section_node[section_idx])] = static_cast<int>(section_idx);
    }
  }
  // Class nodes were added first, so a class's node id is its index.
  for (Graph::ArcIt arc(graph); arc != lemon::INVALID; ++arc) {
    const int64_t flow = solver.flow(arc);
    if (flow == 0) continue;
    if (graph.target(arc) == overflow) {
      relaxation.overflow_people += flow;
    } else {
      relaxation.flow[graph.id(graph.source(arc))].push_back({section_of_node[graph.id(graph.target(arc))], flow});
    }
  }
  relaxation.bed_price.assign(section_count, 0);
  for (size_t section_idx = 0; section_idx < section_count; ++section_idx) {
    if (section_node[section_idx] != lemon::INVALID) {
      relaxation.bed_price[section_idx] = -solver.potential(section_node[section_idx]);
    }
  }
  return relaxation;
}

}  // namespace acogida::allocate
