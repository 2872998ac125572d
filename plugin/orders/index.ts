export {
  initialOrderPaymentState,
  mergeOrderEvent,
  orderStatusOf,
  type OrderEvent,
  type OrderPaymentState,
} from './merge-order-event';
export { isPaidOrder, isPaidOrderStatus, PAID_ORDER_STATUSES } from './is-paid-order';
export { mapHostOrder, type HostOrderMapping } from './map-host-order';
