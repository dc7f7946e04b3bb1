export * from './compile';
export * from './machine';
export * from './split';
export * from './step';
export * from './types';
export * from './validate';
