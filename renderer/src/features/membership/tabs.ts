export const MEMBERSHIP_TABS = ['overview', 'import', 'entry', 'findings', 'enrollers', 'workshops', 'targets'] as const;
export type MembershipTab = (typeof MEMBERSHIP_TABS)[number];
