// Typed calls of the surge simulator API (/api/v1/simulations): the starting scenario built from the
// live registry, runs in the background, their progress and result, and cancellation; and who may use
// it (coordinators and analysts; the server decides every request, this only keeps the app from
// offering what it would refuse). Scenario and result shapes follow docs/simulation.md.
import { request, type SessionUser } from './api';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Multiplier {
  kind: 'seasonal' | 'surge';
  from_day: number;
  to_day: number;
  factor: number;
  ports?: string[];
  label?: string;
}

export interface ScenarioPort {
  id: string;
  kind: 'land' | 'air';
  city: string;
  daily_rate: number;
  staff?: Record<string, number>;
  [key: string]: unknown;
}

export interface ScenarioStage {
  id: string;
  staff?: number;
  [key: string]: unknown;
}

export interface ScenarioShelter {
  id: string;
  city: string;
  sections: { id: string; kind: string; beds: number }[];
}

// The fields the page's form edits; everything else passes through unchanged.
export interface Scenario {
  name?: string;
  days?: number;
  stages?: ScenarioStage[];
  cities: { id: string; [key: string]: unknown }[];
  ports: ScenarioPort[];
  shelters?: ScenarioShelter[];
  multipliers?: Multiplier[];
  [key: string]: unknown;
}

export interface Estimate {
  mean: number;
  ci95: number;
  min: number;
  max: number;
}

export interface StageResult {
  port: string;
  stage: string;
  staff: number;
  arrivals: Estimate;
  mean_wait_minutes: Estimate;
  daily_mean_wait_minutes: number[];
}

export interface CityResult {
  city: string;
  beds: number;
  without_bed: Estimate;
  daily_occupancy: number[];
}

export interface Bottleneck {
  kind: 'stage' | 'beds' | 'buses';
  where: string;
  pressure: number;
  reason: string;
}

export interface SimulationResult {
  scenario: string;
  seed: number;
  replications: number;
  days: number;
  totals: Record<'arrivals' | 'entrants' | 'needed_bed' | 'without_bed' | 'departed' | 'in_system_at_end', Estimate>;
  daily: { arrivals: number[]; without_bed: number[] };
  stages: StageResult[];
  cities: CityResult[];
  multipliers: Multiplier[];
  bottlenecks: Bottleneck[];
}

export interface SimulationRun {
  id: number;
  name: string;
  status: RunStatus;
  progress: number;
  replications: number;
  seed: number;
  error: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  finished_at: string;
  scenario?: Scenario;
  result?: SimulationResult | null;
}

export const MAX_REPLICATIONS = 200;

export function canRunSimulations(user: SessionUser): boolean {
  return user.role === 'coordinator' || user.role === 'analyst';
}

export function isActive(status: RunStatus): boolean {
  return status === 'queued' || status === 'running';
}

export function getTemplate(): Promise<Scenario> {
  return request<Scenario>('GET', '/simulations/template');
}

export function submitSimulation(scenario: Scenario, replications: number, seed: number): Promise<SimulationRun> {
  return request<SimulationRun>('POST', '/simulations', { scenario, replications, seed });
}

export function getSimulation(id: number): Promise<SimulationRun> {
  return request<SimulationRun>('GET', `/simulations/${id}`);
}

export function listSimulations(): Promise<{ items: SimulationRun[] }> {
  return request<{ items: SimulationRun[] }>('GET', '/simulations?limit=10');
}

export function cancelSimulation(id: number): Promise<SimulationRun> {
  return request<SimulationRun>('DELETE', `/simulations/${id}`);
}
