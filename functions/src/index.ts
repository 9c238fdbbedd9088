/**
 * The callables. Each handler is thin: authenticate, check the input at the edge, call the
 * engine, read or write Firestore. Errors are HttpsErrors with Vietnamese and English text.
 */
import { setGlobalOptions } from 'firebase-functions/v2/options';
import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import { REGION } from './config.ts';
import { handleValidate } from './handlers/validate.ts';
import { handleSubmit } from './handlers/submit.ts';
import { handleReview } from './handlers/review.ts';
import { handleRollup } from './handlers/rollup.ts';
import { handleUnits } from './handlers/units.ts';
import { handleRulebook } from './handlers/rulebook.ts';
import { handleUsers } from './handlers/users.ts';

setGlobalOptions({ region: REGION, maxInstances: 20 });

/** Unexpected failures become a bilingual "internal" error; the details go to the log only. */
function callable<T>(
  name: string,
  handler: (req: CallableRequest<unknown>) => Promise<T>,
  memory: '256MiB' | '512MiB' | '1GiB' = '512MiB',
) {
  return onCall({ memory, timeoutSeconds: 120, cors: true }, async (req) => {
    try {
      return await handler(req);
    } catch (e) {
      if (e instanceof HttpsError) throw e;
      logger.error(`${name} failed`, e);
      throw new HttpsError('internal', 'Lỗi máy chủ; hãy thử lại sau.', {
        vi: 'Lỗi máy chủ; hãy thử lại sau.',
        en: 'Server error; try again later.',
      });
    }
  });
}

export const validate = callable('validate', handleValidate);
export const submit = callable('submit', handleSubmit);
export const review = callable('review', handleReview, '256MiB');
export const rollup = callable('rollup', handleRollup, '1GiB');
export const units = callable('units', handleUnits, '256MiB');
export const rulebook = callable('rulebook', handleRulebook, '256MiB');
export const users = callable('users', handleUsers, '256MiB');
