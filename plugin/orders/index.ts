export {
  initialOrderPaymentState,
  mergeOrderEvent,
  orderStatusOf,
  type OrderEvent,
  type OrderPaymentState,
} from './merge-order-event';
export { mapHostOrder, type HostOrderMapping } from './map-host-order';
