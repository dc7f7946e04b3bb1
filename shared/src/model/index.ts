export * from './build';
export * from './creatives';
export * from './diff';
export * from './document';
export * from './migrate';
export * from './profile';
export * from './template';
