/**
 * APL art. 42: 执法人员不得少于两人，法律另有规定的除外 — every enforcement act (filing, investigation,
 * measures on property, on-the-spot decisions, a criminal-transfer report; ACL art. 18(2), TR art. 5)
 * is carried out by at least two officers holding certificates valid that day. No law makes an
 * exception for market supervision, so this is one national constant, not a setting.
 */
export const MIN_ENFORCEMENT_OFFICERS = 2;

/** A collective discussion (集体讨论, APL art. 57) is a decision of the heads together: at least two. */
export const MIN_HEADS_IN_COLLECTIVE_DISCUSSION = 2;
