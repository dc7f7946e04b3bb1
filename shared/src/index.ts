export * from './catalog';
export * from './compiler';
export * from './conditions';
export * from './model';
export * from './time';
