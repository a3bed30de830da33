export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The budget; `value` must not exceed it (lower is better for every figure here). */
  budget: number | null;
}

export type Bench = () => Promise<BenchResult[]>;
