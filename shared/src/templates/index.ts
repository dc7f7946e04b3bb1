export * from './suggest';
export * from './template';
