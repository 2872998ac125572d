/** Attribution (SPEC §6): which partner a customer belongs to, decided without I/O. */
export {
  ATTRIBUTION_STEPS,
  attributionSteps,
  chooseAttribution,
  existingAttribution,
  pickCustomerReferral,
  unattributedReason,
  type Attribution,
  type AttributionCandidate,
  type AttributionDecision,
  type AttributionFacts,
  type AttributionStep,
  type CustomerReferral,
} from './choose-attribution';
export { chooseClick, type ClickChoice, type TrackedClick } from './choose-click';
export { attributionWindowStart, isWithinAttributionWindow } from './is-within-attribution-window';
