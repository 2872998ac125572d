export {
  initialOrderPaymentState,
  mergeOrderEvent,
  orderStatusOf,
  type OrderEvent,
  type OrderPaymentState,
} from './merge-order-event';
