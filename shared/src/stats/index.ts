export * from './normal';
export * from './proportions';
export * from './sequential';
