import { useTranslation } from 'react-i18next';
import { SimulationRun } from './SimulationRun';
import { SimulationSetup } from './SimulationSetup';
import { useSimulationStore } from './simulationStore';

/** "Simulate a customer": set up a test customer, then step them through the draft. */
export function SimulatePanel() {
  const { t } = useTranslation();
  const simulation = useSimulationStore((state) => state.simulation);
  return (
    <div className="simulate">
      <p className="panel-hint">{t('simulate.hint')}</p>
      {simulation ? <SimulationRun simulation={simulation} /> : <SimulationSetup />}
    </div>
  );
}
