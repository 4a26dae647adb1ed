/**
 * JSON Schema formats for Chinese identifiers (RULES.md §10), registered with Fastify's Ajv.
 * Schemas use them as `Type.String({ format: 'unified-social-credit-code' })`; a bad code is a
 * 400 VALIDATION_FAILED pointing at the field. Services that need the reason (which character is
 * wrong) call the validators in src/domain/identifiers directly.
 */
import { chinaDate } from '../domain/calendar/dates';
import { isResidentId, isUnifiedSocialCreditCode } from '../domain/identifiers';

export const IDENTIFIER_FORMATS = {
  /** 统一社会信用代码, GB 32100-2015. */
  'unified-social-credit-code': (value: string) => isUnifiedSocialCreditCode(value),
  /** 公民身份号码, GB 11643-1999, with a birth date that is real and not in the future (China time). */
  'resident-id': (value: string) => isResidentId(value, { today: chinaDate(new Date()) }),
};
