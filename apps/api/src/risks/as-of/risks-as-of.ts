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
  view: RiskRegisterView,
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
export async function selectRisksAsOf(
  referenceData: ReferenceDataQueries,
  views: readonly RiskRegisterView[],
  filter: RiskRegisterFilter,
  visibility: Visibility,
  sort: RiskSort,
): Promise<RiskRegisterView[]> {
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

  async select(
    asOf: Date,
    filter: RiskRegisterFilter,
    visibility: Visibility,
    sort: RiskSort = DEFAULT_RISK_SORT,
  ): Promise<RiskRegisterView[]> {
    const [selected] = await this.selectAt([{ asOf, filter }], visibility, sort);
    return selected;
  }

  /** The same at several moments, each with its filter, from one read of the log. */
  async selectAt(
    moments: readonly { asOf: Date; filter: RiskRegisterFilter }[],
    visibility: Visibility,
    sort: RiskSort = DEFAULT_RISK_SORT,
  ): Promise<RiskRegisterView[][]> {
    const registers = await this.registerAsOf.listAt(moments.map((m) => m.asOf));
    return Promise.all(
      moments.map(async ({ asOf, filter }, i) => {
        const moment = await this.moments.at(asOf);
        const views = registers[i].map((entry) => viewOf(entry, moment));
        return selectRisksAsOf(this.referenceData, views, filter, visibility, sort);
      }),
    );
  }
}
