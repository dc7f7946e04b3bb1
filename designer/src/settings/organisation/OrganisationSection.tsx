import type { OrgUnitDto, StaffDto } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/useCan';
import { SearchInput } from '../../ui/SearchInput';
import { ImportDialog } from './ImportDialog';
import { type ImportTarget, orgApi, orgKeys } from './orgApi';
import { flatten, idsWithin, matchesStaff, staffCounts, type UnitNode, unitTree } from './orgTree';
import { StaffDialog } from './StaffDialog';
import { UnitDialog } from './UnitDialog';
import './organisation.css';
import { LoadFailed } from '../../ui/LoadFailed';

/** The dialog open over the section, if any. */
type Dialog =
  | { kind: 'unit'; unit?: OrgUnitDto }
  | { kind: 'staff'; member?: StaffDto }
  | { kind: 'import'; target: ImportTarget };

/**
 * `#/settings/organisation`: the bank's structure (head office → branches → sub-branches) as a tree with each
 * unit's staff count, and the staff of the selected unit and the units below it, searched by name or code.
 * Administrators add and edit units and staff, and import both from CSV; everyone else reads.
 */
export function OrganisationSection() {
  const { t } = useTranslation();
  const titleId = useId();
  const canEdit = useCan('admin');
  const units = useQuery({ queryKey: orgKeys.units, queryFn: orgApi.units });
  const staff = useQuery({ queryKey: orgKeys.allStaff, queryFn: orgApi.staff });
  const [selectedId, setSelectedId] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>();

  const tree = useMemo(() => unitTree(units.data ?? []), [units.data]);
  const nodes = useMemo(() => new Map(flatten(tree).map((node) => [node.unit.id, node])), [tree]);
  const counts = useMemo(() => staffCounts(tree, staff.data ?? []), [tree, staff.data]);
  const selected = selectedId === undefined ? undefined : nodes.get(selectedId);
  const failed = units.error ?? staff.error;

  return (
    <section className="org-section" aria-labelledby={titleId}>
      <header className="org-header">
        <div>
          <h2 id={titleId}>{t('settingsPage.sections.organisation')}</h2>
          <p className="muted">{t('settingsPage.organisation.intro')}</p>
        </div>
        {canEdit && (
          <div className="button-row">
            <button
              type="button"
              className="secondary-button"
              onClick={() => setDialog({ kind: 'import', target: 'units' })}
            >
              {t('settingsPage.organisation.importUnits')}
            </button>
            <button
              type="button"
              className="secondary-button"
              onClick={() => setDialog({ kind: 'import', target: 'staff' })}
            >
              {t('settingsPage.organisation.importStaff')}
            </button>
          </div>
        )}
      </header>
      {!canEdit && <p className="banner info">{t('settingsPage.organisation.readOnly')}</p>}

      {units.isPending || staff.isPending ? (
        <p className="empty-state">{t('settingsPage.organisation.loading')}</p>
      ) : failed ? (
        <LoadFailed
          title={t('settingsPage.organisation.loadFailed')}
          error={failed}
          retry={() => Promise.all([units.refetch(), staff.refetch()])}
        />
      ) : tree.length === 0 ? (
        <div className="empty-state">
          <p>{t('settingsPage.organisation.noUnits')}</p>
          {canEdit && (
            <div className="org-empty-actions">
              <button type="button" className="primary-button" onClick={() => setDialog({ kind: 'unit' })}>
                {t('settingsPage.organisation.addHeadOffice')}
              </button>
              <button
                type="button"
                className="secondary-button"
                onClick={() => setDialog({ kind: 'import', target: 'units' })}
              >
                {t('settingsPage.organisation.importUnits')}
              </button>
            </div>
          )}
        </div>
      ) : (
        <div className="org-layout">
          <UnitTree
            tree={tree}
            counts={counts}
            selectedId={selected?.unit.id}
            onSelect={setSelectedId}
            onAdd={canEdit ? () => setDialog({ kind: 'unit' }) : undefined}
          />
          <StaffPanel
            unit={selected}
            staff={staff.data ?? []}
            nodes={nodes}
            onEditUnit={canEdit && selected ? () => setDialog({ kind: 'unit', unit: selected.unit }) : undefined}
            onAddStaff={canEdit ? () => setDialog({ kind: 'staff' }) : undefined}
            onEditStaff={canEdit ? (member) => setDialog({ kind: 'staff', member }) : undefined}
          />
        </div>
      )}

      {dialog?.kind === 'unit' && (
        <UnitDialog
          tree={tree}
          takenIds={new Set(nodes.keys())}
          unit={dialog.unit}
          under={dialog.unit ? undefined : selected?.unit}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'staff' && (
        <StaffDialog
          tree={tree}
          takenIds={new Set((staff.data ?? []).map((member) => member.id))}
          member={dialog.member}
          unitId={selected?.unit.id ?? tree[0]?.unit.id ?? ''}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'import' && <ImportDialog target={dialog.target} onClose={() => setDialog(undefined)} />}
    </section>
  );
}

interface UnitTreeProps {
  tree: readonly UnitNode[];
  counts: ReadonlyMap<string, number>;
  selectedId: string | undefined;
  onSelect(id: string | undefined): void;
  /** Offered to administrators only. */
  onAdd: (() => void) | undefined;
}

/** The units, indented; head offices start open, any unit with units below it opens and closes. */
function UnitTree({ tree, counts, selectedId, onSelect, onAdd }: UnitTreeProps) {
  const { t } = useTranslation();
  // Units whose open state differs from the default (head offices open, the rest closed).
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const isOpen = (node: UnitNode) => (node.depth === 0) !== toggled.has(node.unit.id);
  const toggle = (id: string) =>
    setToggled((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const renderNodes = (nodes: readonly UnitNode[]) => (
    <ul>
      {nodes.map((node) => {
        const { unit } = node;
        const open = isOpen(node);
        return (
          <li key={unit.id}>
            <div className={`org-unit${unit.id === selectedId ? ' selected' : ''}`}>
              {node.children.length > 0 ? (
                <button
                  type="button"
                  className="org-toggle"
                  aria-expanded={open}
                  aria-label={t(open ? 'settingsPage.organisation.collapse' : 'settingsPage.organisation.expand', {
                    name: unit.name,
                  })}
                  onClick={() => toggle(unit.id)}
                >
                  {open ? '▾' : '▸'}
                </button>
              ) : (
                <span className="org-toggle" />
              )}
              <button
                type="button"
                className="org-unit-name"
                title={unit.name}
                aria-pressed={unit.id === selectedId}
                onClick={() => onSelect(unit.id === selectedId ? undefined : unit.id)}
              >
                {unit.name}
              </button>
              <span className="org-count" title={t('settingsPage.organisation.countHint')}>
                {t('settingsPage.organisation.staffCount', { count: counts.get(unit.id) ?? 0 })}
              </span>
            </div>
            {open && node.children.length > 0 && renderNodes(node.children)}
          </li>
        );
      })}
    </ul>
  );

  return (
    <nav className="org-tree" aria-label={t('settingsPage.organisation.unitsLabel')}>
      <div className="org-tree-header">
        <h3>{t('settingsPage.organisation.units')}</h3>
        {onAdd && (
          <button type="button" className="link-button" onClick={onAdd}>
            {t('settingsPage.organisation.addUnit')}
          </button>
        )}
      </div>
      {renderNodes(tree)}
    </nav>
  );
}

interface StaffPanelProps {
  /** The selected unit; all staff when none is. */
  unit: UnitNode | undefined;
  staff: readonly StaffDto[];
  /** Every unit by id, to name a staff member's unit. */
  nodes: ReadonlyMap<string, UnitNode>;
  onEditUnit: (() => void) | undefined;
  onAddStaff: (() => void) | undefined;
  onEditStaff: ((member: StaffDto) => void) | undefined;
}

/** The staff of the selected unit and the units below it (or of the whole bank), searched by name or code. */
function StaffPanel({ unit, staff, nodes, onEditUnit, onAddStaff, onEditStaff }: StaffPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [search, setSearch] = useState('');
  const within = unit ? idsWithin(unit) : undefined;
  const inUnit = within ? staff.filter((member) => within.has(member.orgUnitId)) : staff;
  const shown = inUnit.filter((member) => matchesStaff(member, search));

  return (
    <section className="org-staff" aria-labelledby={titleId}>
      <div className="org-staff-header">
        <div>
          <h3 id={titleId}>
            {unit
              ? t('settingsPage.organisation.staffOf', { name: unit.unit.name })
              : t('settingsPage.organisation.allStaff')}
          </h3>
          {unit && (
            <p className="muted">
              {t(`settingsPage.organisation.kinds.${unit.unit.kind}`)} · <code>{unit.unit.id}</code>
            </p>
          )}
        </div>
        <span className="toolbar-spacer" />
        {onEditUnit && (
          <button type="button" className="secondary-button" onClick={onEditUnit}>
            {t('settingsPage.organisation.editUnit')}
          </button>
        )}
        {onAddStaff && (
          <button type="button" className="primary-button" onClick={onAddStaff}>
            {t('settingsPage.organisation.addStaff')}
          </button>
        )}
      </div>
      <div className="list-toolbar">
        <SearchInput label={t('settingsPage.organisation.search')} value={search} onChange={setSearch} />
      </div>
      {shown.length === 0 ? (
        <p className="empty-state">
          {inUnit.length > 0
            ? t('settingsPage.organisation.noMatch')
            : unit
              ? t('settingsPage.organisation.noStaffInUnit')
              : t('settingsPage.organisation.noStaff')}
        </p>
      ) : (
        <table className="journey-table org-staff-table">
          <thead>
            <tr>
              <th scope="col">{t('settingsPage.organisation.staffName')}</th>
              <th scope="col">{t('settingsPage.organisation.role')}</th>
              <th scope="col">{t('settingsPage.organisation.referralCode')}</th>
              <th scope="col">{t('settingsPage.organisation.unit')}</th>
              {onEditStaff && (
                <th scope="col">
                  <span className="visually-hidden">{t('settingsPage.organisation.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((member) => (
              <tr key={member.id} className={member.active ? undefined : 'inactive'}>
                <td className="nowrap">
                  <div className="journey-link">{member.name}</div>
                  <div className="journey-id">
                    {member.id}
                    {!member.active && ` · ${t('settingsPage.organisation.inactive')}`}
                  </div>
                </td>
                <td>{t(`settingsPage.organisation.roles.${member.role}`)}</td>
                <td>
                  <code>{member.referralCode}</code>
                </td>
                <td>{nodes.get(member.orgUnitId)?.unit.name ?? member.orgUnitId}</td>
                {onEditStaff && (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('settingsPage.organisation.editStaffTitle', { name: member.name })}
                      onClick={() => onEditStaff(member)}
                    >
                      {t('settingsPage.organisation.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
