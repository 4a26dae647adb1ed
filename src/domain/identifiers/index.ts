export {
  birthDateOfResidentId,
  checkResidentId,
  isResidentId,
  maskResidentId,
  normalizeResidentId,
  type ResidentIdOptions,
  residentIdCheckChar,
} from './resident-id';
export {
  checkUnifiedSocialCreditCode,
  type IdentifierCheck,
  type IdentifierProblem,
  isUnifiedSocialCreditCode,
  normalizeUnifiedSocialCreditCode,
  unifiedSocialCreditCodeCheckChar,
} from './unified-social-credit-code';
