import type { TFunction } from 'i18next';

/** The captions of event-property rows, wherever the simulator asks for them. */
export const propertyRowLabels = (t: TFunction) => ({
  key: t('simulate.property'),
  value: t('updateProfile.value'),
  remove: t('simulate.removeProperty'),
  add: t('simulate.addProperty'),
  empty: t('simulate.noProperties'),
});
