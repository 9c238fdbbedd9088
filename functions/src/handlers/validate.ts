/** validate: the engine's results and write plan for a redacted workbook, nothing stored. */
import type { CallableRequest } from 'firebase-functions/v2/https';
import { authenticate } from '../auth.ts';
import { checkPayloadSize, parseInput, parsePeriodKey, rejectPersonal, validateInput } from '../schemas.ts';
import type { WorkbookData } from '@kiemtra/shared';
import { rulebookInForce } from '../store.ts';
import { getUnit, requireRead } from '../units.ts';
import { isGlobal } from '../auth.ts';
import { checkPeriodMatches, checkUnitMatches, runEngine } from './evaluate.ts';

export async function handleValidate(request: CallableRequest<unknown>) {
  const caller = await authenticate(request);
  checkPayloadSize(request.data);
  const input = parseInput(validateInput, request.data);
  const data = input.data as unknown as WorkbookData;
  rejectPersonal(data);

  const unit = await getUnit(input.unit ?? caller.scope).catch((e) => {
    if (!input.unit && isGlobal(caller)) return undefined;
    throw e;
  });
  if (unit) requireRead(caller, unit);
  const period = input.period ? parsePeriodKey(input.period) : data.period;
  if (period) checkPeriodMatches(data, period);
  if (unit) checkUnitMatches(data, unit);

  const year = period?.toYear ?? new Date().getFullYear();
  const rulebook = await rulebookInForce(unit?.path[0] ?? caller.scope, year);
  const { report } = runEngine(data, rulebook, unit, period);
  return report;
}
