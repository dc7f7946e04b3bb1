export * from './access';
export * from './counters';
export * from './experiments';
export * from './live';
export * from './metrics';
export * from './operations';
export * from './timeseries';
