export * from './calendar';
export * from './duration';
