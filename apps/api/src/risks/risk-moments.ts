import { Injectable } from '@nestjs/common';
import { ReferenceDataQueries, type ViewMoment } from '@riskledger/read-models';
import { ReferenceData } from '../shared/reference-data';
import { calendarDayInSweden, Clock } from '../platform/clock';

/**
 * The day and the matrix version a risk is judged by (overdue reviews, "assessed with an older
 * matrix"): now, or as they stood at a past moment. An as-of view compares with the matrix that
 * was in force then, so that it shows what the register said that day, not what it says today.
 */
@Injectable()
export class RiskMoments {
  constructor(
    private readonly clock: Clock,
    private readonly referenceData: ReferenceData,
    private readonly referenceDataQueries: ReferenceDataQueries,
  ) {}

  async at(asOf?: Date): Promise<ViewMoment> {
    if (!asOf) {
      const { version } = await this.referenceData.currentMatrix();
      return { today: this.clock.today(), matrixVersion: version };
    }
    return {
      today: calendarDayInSweden(asOf),
      matrixVersion: await this.referenceDataQueries.matrixVersionInForceAt(asOf),
    };
  }
}
