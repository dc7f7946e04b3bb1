export * from './build';
export * from './diff';
export * from './document';
export * from './migrate';
export * from './profile';
export * from './template';
