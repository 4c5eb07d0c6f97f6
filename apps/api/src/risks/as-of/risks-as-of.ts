import { Injectable } from '@nestjs/common';
import type { Visibility } from '@riskledger/domain';
import {
  compareRisks,
  DEFAULT_RISK_SORT,
  isVisible,
  ReferenceDataQueries,
  RiskRegisterAsOf,
  riskViewMatches,
  unitsNamedBy,
  viewOf,
  type RiskRegisterFilter,
  type RiskRegisterPage,
  type RiskRegisterSummaryView,
  type RiskRegisterView,
  type RiskSort,
} from '@riskledger/read-models';
import { RiskMoments } from '../risk-moments';

/** The subtrees (a unit and every unit below it) of these units, as the organisation stands now. */
export async function subtreesOf(
  referenceData: ReferenceDataQueries,
  units: readonly string[],
): Promise<(unit: string) => ReadonlySet<string>> {
  const subtrees = new Map<string, ReadonlySet<string>>();
  for (const unit of new Set(units)) {
    subtrees.set(unit, new Set([unit, ...(await referenceData.unitSubtreeCodes(unit))]));
  }
  return (unit) => subtrees.get(unit) ?? new Set([unit]);
}

/** Whether the caller may see this risk, by the rule the live register applies in SQL. */
export function riskIsVisible(
  view: RiskRegisterSummaryView,
  visibility: Visibility,
  subtreeOf: (unit: string) => ReadonlySet<string>,
): boolean {
  return isVisible(
    {
      unit: view.unit,
      areas: [view.area, ...view.additionalAreas],
      classification: view.classification,
    },
    visibility,
    subtreeOf,
  );
}

/**
 * The register as of a past moment is computed in memory, so its filters, visibility and order
 * are applied here, the same as the live register applies them in SQL.
 */
export async function selectRisksAsOf<V extends RiskRegisterSummaryView>(
  referenceData: ReferenceDataQueries,
  views: readonly V[],
  filter: RiskRegisterFilter,
  visibility: Visibility,
  sort: RiskSort,
): Promise<V[]> {
  const subtreeOf = await subtreesOf(referenceData, [
    ...unitsNamedBy(visibility),
    ...(filter.unit !== undefined && filter.includeSubunits ? [filter.unit] : []),
  ]);
  const subunits = filter.unit !== undefined ? subtreeOf(filter.unit) : new Set<string>();
  return views
    .filter((v) => riskIsVisible(v, visibility, subtreeOf) && riskViewMatches(v, filter, subunits))
    .sort(compareRisks(sort));
}

/** The ids of the restricted risks among these: whose showing RestrictedReads records. */
export const restrictedIds = (risks: readonly { riskId: string; classification: string }[]) =>
  risks.filter((r) => r.classification === 'RESTRICTED').map((r) => r.riskId);

/** The register as it was at a moment, from the log: the risks a filter finds in a caller's scope. */
@Injectable()
export class RisksAsOf {
  constructor(
    private readonly registerAsOf: RiskRegisterAsOf,
    private readonly referenceData: ReferenceDataQueries,
    private readonly moments: RiskMoments,
  ) {}

  /** The risks found, without their score histories (enough to count them). */
  async select(
    asOf: Date,
    filter: RiskRegisterFilter,
    visibility: Visibility,
    sort: RiskSort = DEFAULT_RISK_SORT,
  ): Promise<RiskRegisterSummaryView[]> {
    const [selected] = await this.selectAt([{ asOf, filter }], visibility, sort);
    return selected;
  }

  /**
   * One page of the risks found, whole: the register is filtered, ordered and counted on the
   * summaries of its entries, and only the page's entries are read whole.
   */
  async page(
    asOf: Date,
    filter: RiskRegisterFilter,
    visibility: Visibility,
    sort: RiskSort,
    { limit, offset }: { limit: number; offset: number },
  ): Promise<RiskRegisterPage<RiskRegisterView>> {
    const selected = await this.select(asOf, filter, visibility, sort);
    const shown = selected.slice(offset, offset + limit);
    const [entries, moment] = await Promise.all([
      this.registerAsOf.entries(
        shown.map((risk) => risk.riskId),
        asOf,
      ),
      this.moments.at(asOf),
    ]);
    const items = entries.map((entry) => viewOf(entry, moment));
    return { items, total: selected.length, limit, offset };
  }

  /** The same at several moments, each with its filter, from one read of the versions. */
  async selectAt(
    moments: readonly { asOf: Date; filter: RiskRegisterFilter }[],
    visibility: Visibility,
    sort: RiskSort = DEFAULT_RISK_SORT,
  ): Promise<RiskRegisterSummaryView[][]> {
    const registers = await this.registerAsOf.summariesAt(moments.map((m) => m.asOf));
    return Promise.all(
      moments.map(async ({ asOf, filter }, i) => {
        const moment = await this.moments.at(asOf);
        const views = registers[i].map((entry) => viewOf(entry, moment));
        return selectRisksAsOf(this.referenceData, views, filter, visibility, sort);
      }),
    );
  }
}
