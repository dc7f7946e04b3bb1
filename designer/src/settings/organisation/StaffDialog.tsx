import { type StaffDto, type StaffRole, staffRoles } from '@journey/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, Select } from '../../inspector/fields';
import { placeIssues, topLevelField } from '../../ui/fieldIssues';
import { GeneralIssue, IssueField } from '../../ui/IssueField';
import { Modal } from '../../ui/Modal';
import { notifySuccess } from '../../ui/toasts';
import { IdField } from './IdField';
import { orgApi, orgKeys, type StaffInput } from './orgApi';
import { flatten, indentedName, type UnitNode } from './orgTree';

interface StaffDialogProps {
  tree: readonly UnitNode[];
  /** The ids a new staff member may not take. */
  takenIds: ReadonlySet<string>;
  /** The staff member to edit; a new one when absent. */
  member?: StaffDto;
  /** For a new staff member: the unit they join. */
  unitId: string;
  onClose(): void;
}

const fields = ['id', 'name', 'role', 'orgUnitId', 'referralCode'] as const;

/** Adds or edits a staff member: employee id (fixed once saved), name, role, unit, referral code, active. */
export function StaffDialog({ tree, takenIds, member, unitId, onClose }: StaffDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const queryClient = useQueryClient();
  const [id, setId] = useState(member?.id ?? '');
  const [input, setInput] = useState<StaffInput>(() =>
    member
      ? {
          name: member.name,
          role: member.role,
          orgUnitId: member.orgUnitId,
          referralCode: member.referralCode,
          active: member.active,
        }
      : { name: '', role: 'rm', orgUnitId: unitId, referralCode: '', active: true },
  );
  const trimmedId = id.trim();
  const idTaken = !member && takenIds.has(trimmedId);
  const complete = trimmedId !== '' && !idTaken && input.name.trim() !== '' && input.referralCode.trim() !== '';

  const save = useMutation({
    mutationFn: () => orgApi.saveStaff(trimmedId, input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.staff });
      notifySuccess(t('settingsPage.organisation.staffSaved', { name: saved.name }));
      onClose();
    },
  });
  const refusal = save.isError ? placeIssues(save.error, topLevelField(fields)) : { byField: {} };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) save.mutate();
  };

  return (
    <Modal
      title={
        member
          ? t('settingsPage.organisation.editStaffTitle', { name: member.name })
          : t('settingsPage.organisation.addStaff')
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
        <IssueField label={t('settingsPage.organisation.staffName')} error={refusal.byField.name}>
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
          label={t('settingsPage.organisation.staffId')}
          hint={t('settingsPage.organisation.staffIdHint')}
          value={id}
          fixed={member !== undefined}
          error={idTaken ? t('settingsPage.organisation.staffIdTaken', { id: trimmedId }) : refusal.byField.id}
          onChange={setId}
        />
        <IssueField label={t('settingsPage.organisation.role')} error={refusal.byField.role}>
          {(described) => (
            <Select<StaffRole>
              {...described}
              value={input.role}
              options={staffRoles.map((role) => ({ value: role, label: t(`settingsPage.organisation.roles.${role}`) }))}
              onChange={(role) => setInput({ ...input, role })}
            />
          )}
        </IssueField>
        <IssueField label={t('settingsPage.organisation.unit')} error={refusal.byField.orgUnitId}>
          {(described) => (
            <Select
              {...described}
              value={input.orgUnitId}
              options={flatten(tree).map((node) => ({ value: node.unit.id, label: indentedName(node) }))}
              onChange={(orgUnitId) => setInput({ ...input, orgUnitId })}
            />
          )}
        </IssueField>
        <IssueField
          label={t('settingsPage.organisation.referralCode')}
          hint={t('settingsPage.organisation.referralCodeHint')}
          error={refusal.byField.referralCode}
        >
          {(described) => (
            <input
              {...described}
              maxLength={64}
              value={input.referralCode}
              onChange={(event) => setInput({ ...input, referralCode: event.target.value })}
            />
          )}
        </IssueField>
        <CheckboxField
          label={t('settingsPage.organisation.activeLabel')}
          checked={input.active}
          onChange={(active) => setInput({ ...input, active })}
        />
        <p className="field-hint">{t('settingsPage.organisation.activeHint')}</p>
      </form>
    </Modal>
  );
}
