/** The date every validity check uses: the line's date of service, else the claim's, else the fallback date. */
import { dateOfService as resolveDateOfService } from '../../model/dateOfService';
import type { Claim, ServiceLine } from '../../model/claim';
import type { RuleEnvironment } from '../types';

/** YYYY-MM-DD (model/dateOfService.ts). `env.today` already holds the `hcpcs.dateOfService` setting when it is set. */
export function dateOfService(line: ServiceLine, claim: Claim, env: Pick<RuleEnvironment, 'today'>): string {
  return resolveDateOfService(line, claim, env.today);
}

/** True when two lines are on the same date of service. */
export function sameDate(a: ServiceLine, b: ServiceLine, claim: Claim, env: Pick<RuleEnvironment, 'today'>): boolean {
  return dateOfService(a, claim, env) === dateOfService(b, claim, env);
}
