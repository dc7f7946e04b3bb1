import { catalog, isNodeType, type JourneyNode, type NodeConfigs, type NodeType } from '@journey/shared';
import { Component, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeIcon } from '../canvas/NodeIcon';
import { useLocale } from '../i18n';
import { categoryOf, displayName } from '../store/catalogView';
import { useJourneyStore } from '../store/journeyStore';
import { Section, TextField } from './fields';
import { BenefitForm } from './forms/BenefitForm';
import { ConditionForm } from './forms/ConditionForm';
import { ExitForm } from './forms/ExitForm';
import type { ConfigFormProps } from './forms/formProps';
import { MessageForm } from './forms/MessageForm';
import { SplitForm } from './forms/SplitForm';
import { TriggerForm } from './forms/TriggerForm';
import { UpdateProfileForm } from './forms/UpdateProfileForm';
import { WaitForEventForm } from './forms/WaitForEventForm';
import { WaitForm } from './forms/WaitForm';

const configForms: { [Type in NodeType]: ComponentType<ConfigFormProps<Type>> } = {
  trigger: TriggerForm,
  wait: WaitForm,
  waitForEvent: WaitForEventForm,
  condition: ConditionForm,
  split: SplitForm,
  message: MessageForm,
  benefit: BenefitForm,
  updateProfile: UpdateProfileForm,
  exit: ExitForm,
};

function ConfigForm<Type extends NodeType>(props: { type: Type } & ConfigFormProps<Type>) {
  const Form: ComponentType<ConfigFormProps<Type>> = configForms[props.type];
  return <Form config={props.config} onChange={props.onChange} />;
}

/**
 * Forms read a config by its type's declared shape; a config too broken for that (an imported document)
 * must not take the editor down, so the form is replaced by a pointer to the problems list.
 */
class ConfigFormBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function NodeInspector({ node }: { node: JourneyNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const updateNodeLabel = useJourneyStore((state) => state.updateNodeLabel);
  const updateNodeConfig = useJourneyStore((state) => state.updateNodeConfig);
  const type = node.type;
  return (
    <div className="inspector-body">
      <header className={`inspector-header category-${categoryOf(type)}`}>
        <NodeIcon type={type} />
        <div>
          <h2>{isNodeType(type) ? catalog[type].label[locale] : type}</h2>
          <p className="field-hint">
            {isNodeType(type) ? catalog[type].description[locale] : t('inspector.unknownType')}
          </p>
        </div>
      </header>
      <Section title={t('inspector.general')}>
        <TextField
          label={t('fields.label')}
          hint={t('inspector.labelHint')}
          placeholder={displayName({ type }, locale)}
          value={node.label ?? ''}
          onChange={(label) => updateNodeLabel(node.id, label)}
        />
        <p className="field-hint">
          {t('inspector.nodeId')}: <code>{node.id}</code>
        </p>
      </Section>
      {isNodeType(type) && (
        <Section title={t('inspector.settings')}>
          <ConfigFormBoundary fallback={<p className="field-hint">{t('inspector.brokenConfig')}</p>}>
            <ConfigForm
              type={type}
              // The document stores configs loosely; the validator reports where one departs from its schema.
              config={node.config as NodeConfigs[typeof type]}
              onChange={(config) => updateNodeConfig(node.id, config)}
            />
          </ConfigFormBoundary>
        </Section>
      )}
    </div>
  );
}
