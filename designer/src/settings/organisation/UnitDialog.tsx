import { type OrgUnitDto, type OrgUnitKind, orgUnitKinds, orgUnitParentKind } from '@journey/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Select } from '../../inspector/fields';
import { placeIssues, topLevelField } from '../../ui/fieldIssues';
import { GeneralIssue, IssueField } from '../../ui/IssueField';
import { Modal } from '../../ui/Modal';
import { notifySuccess } from '../../ui/toasts';
import { IdField } from './IdField';
import { type OrgUnitInput, orgApi, orgKeys } from './orgApi';
import { possibleParents, type UnitNode } from './orgTree';

interface UnitDialogProps {
  tree: readonly UnitNode[];
  /** The ids a new unit may not take. */
  takenIds: ReadonlySet<string>;
  /** The unit to edit; a new one when absent. */
  unit?: OrgUnitDto;
  /** For a new unit: the selected unit, suggested as its parent. */
  under?: OrgUnitDto;
  onClose(): void;
}

const fields = ['id', 'name', 'kind', 'parentId'] as const;

/** A new unit goes one level below the selected one (a branch below the head office), or is the head office. */
function initialInput(unit: OrgUnitDto | undefined, under: OrgUnitDto | undefined): OrgUnitInput {
  if (unit) return { name: unit.name, kind: unit.kind, parentId: unit.parentId };
  const kind: OrgUnitKind = under?.kind === 'headOffice' ? 'branch' : under ? 'subBranch' : 'headOffice';
  const parentId = under?.kind === 'subBranch' ? under.parentId : (under?.id ?? null);
  return { name: '', kind, parentId };
}

/** Adds or edits an org unit: its id (the bank's unit code, fixed once saved), name, kind, and parent. */
export function UnitDialog({ tree, takenIds, unit, under, onClose }: UnitDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const queryClient = useQueryClient();
  const [id, setId] = useState(unit?.id ?? '');
  const [input, setInput] = useState(() => initialInput(unit, under));
  const parents = possibleParents(tree, input.kind);
  const trimmedId = id.trim();
  const idTaken = !unit && takenIds.has(trimmedId);
  const complete =
    trimmedId !== '' &&
    !idTaken &&
    input.name.trim() !== '' &&
    (input.kind === 'headOffice') === (input.parentId === null);

  const save = useMutation({
    mutationFn: () => orgApi.saveUnit(trimmedId, input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.units });
      notifySuccess(t('settingsPage.organisation.unitSaved', { name: saved.name }));
      onClose();
    },
  });
  const refusal = save.isError ? placeIssues(save.error, topLevelField(fields)) : { byField: {} };
  const setKind = (kind: OrgUnitKind) => {
    const options = possibleParents(tree, kind);
    const keep = options.some((option) => option.unit.id === input.parentId);
    setInput({ ...input, kind, parentId: keep ? input.parentId : (options[0]?.unit.id ?? null) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) save.mutate();
  };

  return (
    <Modal
      title={
        unit
          ? t('settingsPage.organisation.editUnitTitle', { name: unit.name })
          : t('settingsPage.organisation.addUnit')
      }
      onClose={onClose}
      actions={
        <>
          <button type="button" className="secondary-button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="primary-button" disabled={!complete || save.isPending}>
            {save.isPending ? t('settingsPage.organisation.saving') : t('settingsPage.organisation.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="org-form" onSubmit={submit} noValidate>
        {refusal.general !== undefined && (
          <GeneralIssue title={t('settingsPage.organisation.saveFailed')} error={refusal.general} />
        )}
        <IssueField
          label={t('settingsPage.organisation.name')}
          hint={t('settingsPage.organisation.unitNameHint')}
          error={refusal.byField.name}
        >
          {(described) => (
            <input
              {...described}
              maxLength={200}
              value={input.name}
              onChange={(event) => setInput({ ...input, name: event.target.value })}
            />
          )}
        </IssueField>
        <IdField
          label={t('settingsPage.organisation.unitId')}
          hint={t('settingsPage.organisation.unitIdHint')}
          value={id}
          fixed={unit !== undefined}
          error={idTaken ? t('settingsPage.organisation.unitIdTaken', { id: trimmedId }) : refusal.byField.id}
          onChange={setId}
        />
        <IssueField label={t('settingsPage.organisation.kind')} error={refusal.byField.kind}>
          {(described) => (
            <Select<OrgUnitKind>
              {...described}
              value={input.kind}
              options={orgUnitKinds.map((kind) => ({
                value: kind,
                label: t(`settingsPage.organisation.kinds.${kind}`),
              }))}
              onChange={setKind}
            />
          )}
        </IssueField>
        {input.kind !== 'headOffice' && (
          <IssueField
            label={t('settingsPage.organisation.parent')}
            hint={
              parents.length === 0
                ? t('settingsPage.organisation.noParent', {
                    kind: t(`settingsPage.organisation.kinds.${orgUnitParentKind[input.kind] ?? 'headOffice'}`),
                  })
                : undefined
            }
            error={refusal.byField.parentId}
          >
            {(described) => (
              <Select
                {...described}
                value={input.parentId ?? ''}
                options={parents.map(({ unit: parent }) => ({ value: parent.id, label: parent.name }))}
                onChange={(parentId) => setInput({ ...input, parentId })}
              />
            )}
          </IssueField>
        )}
      </form>
    </Modal>
  );
}
