/**
 * The payer profile of a claim, read from the subscriber's SBR09 claim filing indicator; when SBR09 is absent or
 * names a program with no profile of its own (TRICARE, VA, Title V, mutually defined ...), the `hcpcs.payer` setting.
 */
import type { Payer } from '../../core/settings';
import type { Claim } from '../../model/claim';
import type { RuleEnvironment } from '../types';
import { upper } from './codes';

const BY_FILING_INDICATOR: Readonly<Record<string, Payer>> = {
  MA: 'medicare', // Medicare Part A
  MB: 'medicare', // Medicare Part B
  MC: 'medicaid',
  CI: 'commercial', // commercial insurance
  BL: 'commercial', // Blue Cross/Blue Shield
  HM: 'commercial', // HMO
  '11': 'commercial', // other non-federal programs
  '12': 'commercial', // PPO
  '13': 'commercial', // point of service
  '14': 'commercial', // exclusive provider organization
  '15': 'commercial', // indemnity insurance
  '16': 'commercial', // HMO Medicare risk (Medicare Advantage: the plan's own rules)
  '17': 'commercial', // dental maintenance organization
  LM: 'commercial', // liability medical
  AM: 'commercial', // automobile medical
  WC: 'commercial', // workers' compensation
  DS: 'commercial', // disability
};

export function payerOf(claim: Claim, env: Pick<RuleEnvironment, 'settings'>): Payer {
  const v = claim.claimFilingIndicator?.value;
  const sbr09 = v === undefined ? undefined : upper(v.trim());
  return (sbr09 && BY_FILING_INDICATOR[sbr09]) || env.settings.payer;
}

/** "Medicare (SBR09 MB)" or "Medicare (the hcpcs.payer setting)": where the payer profile came from, for messages. */
export function payerLabel(claim: Claim, env: Pick<RuleEnvironment, 'settings'>): string {
  const payer = payerOf(claim, env);
  const name = payer === 'medicare' ? 'Medicare' : payer === 'medicaid' ? 'Medicaid' : 'commercial';
  const sbr09 = claim.claimFilingIndicator?.value.trim().toUpperCase();
  return sbr09 && BY_FILING_INDICATOR[sbr09] ? `${name} (SBR09 ${sbr09})` : `${name} (the hcpcs.payer setting)`;
}
