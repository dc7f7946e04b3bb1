import type { Permission } from '@journey/shared';
import type { ComponentType } from 'react';
import { AccessSection } from './access/AccessSection';
import { BudgetsSection } from './budgets/BudgetsSection';
import { OrganisationSection } from './organisation/OrganisationSection';
import { SegmentsSection } from './segments/SegmentsSection';

/** One section of the settings page: its path segment (`#/settings/<id>`), who may open it, what it shows. */
export interface SettingsSection {
  id: string;
  /** Read out in the section list; a key under `settingsPage.sections`. */
  title: SectionTitle;
  permission: Permission;
  component: ComponentType;
}

export type SectionTitle = 'access' | 'budgets' | 'organisation' | 'segments';

/** The sections in the order the page lists them. */
export const settingsSections: readonly SettingsSection[] = [
  { id: 'access', title: 'access', permission: 'admin', component: AccessSection },
  { id: 'budgets', title: 'budgets', permission: 'read', component: BudgetsSection },
  { id: 'organisation', title: 'organisation', permission: 'read', component: OrganisationSection },
  { id: 'segments', title: 'segments', permission: 'read', component: SegmentsSection },
];
