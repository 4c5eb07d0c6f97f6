import type { DataSource } from 'typeorm';
import type { GoalRegisterEntry } from './goal-register-entry';
import { entryOf, type GoalRegisterRow } from './goal-register.table';

export interface GoalRegisterFilter {
  area?: string;
  year?: number;
}

/** Reads of the goal register, as the API serves them. */
export class GoalRegisterQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: GoalRegisterFilter): Promise<GoalRegisterEntry[]> {
    const rows: GoalRegisterRow[] = await this.dataSource.query(
      `SELECT * FROM goal_register
       WHERE ($1::text IS NULL OR area = $1) AND ($2::int IS NULL OR year = $2)
       ORDER BY year, area, set_at, goal_id`,
      [filter.area ?? null, filter.year ?? null],
    );
    return rows.map(entryOf);
  }

  async get(goalId: string): Promise<GoalRegisterEntry | null> {
    const [row]: GoalRegisterRow[] = await this.dataSource.query(
      `SELECT * FROM goal_register WHERE goal_id = $1`,
      [goalId],
    );
    return row ? entryOf(row) : null;
  }
}
