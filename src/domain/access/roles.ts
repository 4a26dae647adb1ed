/**
 * Roles of people in a bureau. A person holds one or more; what each may do is the operation
 * matrix in ./operations.ts (README: "Roles and operations").
 */
export const ROLES = {
  officer: '执法人员 (enforcement officer)',
  unit_head: '科室/所负责人 (head of a section or station)',
  legal_reviewer: '法制审核员 (legal reviewer)',
  bureau_head: '局负责人 (bureau head)',
  supervisor: '执法监督 (enforcement supervision)',
  credit_officer: '信用管理 (credit management)',
  admin: '系统管理员 (the bureau’s administrator)',
  auditor: '审计 (read-only auditor)',
  system_admin: '平台管理员 (platform operator: registers agencies, maintains the national calendar)',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];
