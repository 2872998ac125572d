export { PLUGIN_ID } from '../../plugin/model';
