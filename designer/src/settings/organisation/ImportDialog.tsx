import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../inspector/fields';
import { GeneralIssue } from '../../ui/IssueField';
import { Modal } from '../../ui/Modal';
import { type ImportResult, type ImportTarget, orgApi, orgKeys } from './orgApi';

/** The columns each import reads (the runtime's CSV row schemas) and an example file to start from. */
const formats: Record<ImportTarget, { columns: string; example: string; fileName: string }> = {
  units: {
    columns: 'id,name,kind,parentId',
    example: [
      'id,name,kind,parentId',
      'HO,Head office,headOffice,',
      'BJ,Beijing branch,branch,HO',
      'BJ-CY,Chaoyang sub-branch,subBranch,BJ',
      'SH,Shanghai branch,branch,HO',
      'SH-PD,Pudong sub-branch,subBranch,SH',
    ].join('\n'),
    fileName: 'org-units-example.csv',
  },
  staff: {
    columns: 'id,name,role,orgUnitId,referralCode,active',
    example: [
      'id,name,role,orgUnitId,referralCode,active',
      'E1001,Li Wei,rm,BJ-CY,RM1001,true',
      'E1002,Wang Fang,lobby,BJ-CY,LB1002,true',
      'E2001,Zhang Min,manager,SH,MG2001,true',
      'E3001,Chen Jie,callCenter,HO,CC3001,false',
    ].join('\n'),
    fileName: 'staff-example.csv',
  },
};

const csvHref = (text: string) => `data:text/csv;charset=utf-8,${encodeURIComponent(`${text}\n`)}`;

/**
 * Imports org units or staff from a CSV file: the expected columns with an example to download, then what the
 * runtime did (new and replaced rows) and every row it refused with the reason. A failed request keeps the file
 * chosen, so it can be sent again.
 */
export function ImportDialog({ target, onClose }: { target: ImportTarget; onClose(): void }) {
  const { t } = useTranslation();
  const formId = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File>();
  const format = formats[target];
  const send = useMutation({
    mutationFn: (chosen: File) => orgApi.importCsv(target, chosen),
    onSuccess: () => {
      // Units and staff both: a unit import changes the tree the staff are counted in.
      void queryClient.invalidateQueries({ queryKey: orgKeys.units });
      void queryClient.invalidateQueries({ queryKey: orgKeys.staff });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) send.mutate(file);
  };

  return (
    <Modal
      title={t(`settingsPage.organisation.import.${target}.title`)}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" className="secondary-button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="submit" form={formId} className="primary-button" disabled={!file || send.isPending}>
            {send.isPending
              ? t('settingsPage.organisation.import.sending')
              : t('settingsPage.organisation.import.send')}
          </button>
        </>
      }
    >
      <form id={formId} className="org-import" onSubmit={submit}>
        <p>{t(`settingsPage.organisation.import.${target}.explained`)}</p>
        <p>
          {t('settingsPage.organisation.import.columns')} <code>{format.columns}</code>
        </p>
        <p className="field-hint">{t(`settingsPage.organisation.import.${target}.values`)}</p>
        <p>
          <a href={csvHref(format.example)} download={format.fileName}>
            {t('settingsPage.organisation.import.example', { file: format.fileName })}
          </a>
        </p>
        <Field label={t('settingsPage.organisation.import.file')}>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0]);
              send.reset();
            }}
          />
        </Field>
        {send.isError && <GeneralIssue title={t('settingsPage.organisation.import.failed')} error={send.error} />}
        {send.data && <ImportReport result={send.data} />}
      </form>
    </Modal>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <section className="org-import-report" aria-label={t('settingsPage.organisation.import.report')}>
      <p role="status" className={result.rejected.length > 0 ? 'banner warning' : 'banner info'}>
        {t('settingsPage.organisation.import.summary', {
          imported: result.imported,
          updated: result.updated,
          rejected: result.rejected.length,
        })}
      </p>
      {result.rejected.length > 0 && (
        <table className="journey-table org-rejected">
          <caption>{t('settingsPage.organisation.import.rejectedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settingsPage.organisation.import.row')}</th>
              <th scope="col">{t('settingsPage.organisation.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rejected.map((rejected) => (
              <tr key={`${rejected.row}\u0000${rejected.message}`}>
                <td className="number">{rejected.row}</td>
                <td>{rejected.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
