export * from './catalog';
export * from './conditions';
export * from './model';
export * from './time';
