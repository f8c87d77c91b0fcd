/**
 * The platform's policy areas, shared by every module that files things under them (news, newsletters,
 * proposals, networks); their names are the core messages `area.{key}`.
 */
export const POLICY_AREAS = [
  'taxes',
  'environment',
  'health',
  'culture',
  'economy',
  'sport',
  'social',
  'climate',
  'mobility',
  'digital',
  'europe',
] as const;
export type PolicyArea = (typeof POLICY_AREAS)[number];
