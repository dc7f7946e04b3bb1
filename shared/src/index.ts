export * from './catalog';
export * from './compiler';
export * from './conditions';
export * from './model';
export * from './protocol';
export * from './stats';
export * from './templates';
export * from './time';
