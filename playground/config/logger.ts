import { formats, winston } from '@strapi/logger';

/** Strapi's default console logger, with the level settable by STRAPI_LOG_LEVEL (tests use "warn"). */
export default {
  level: process.env.STRAPI_LOG_LEVEL || 'http',
  format: formats.prettyPrint(),
  transports: [new winston.transports.Console()],
};
