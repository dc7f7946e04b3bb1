export * from './catalog';
export * from './schemas';
