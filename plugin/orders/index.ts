export {
  initialOrderPaymentState,
  mergeOrderEvent,
  orderStatusOf,
  type OrderEvent,
  type OrderPaymentState,
} from './merge-order-event';
export { isPaidOrder, isPaidOrderStatus, PAID_ORDER_STATUSES } from './is-paid-order';
export { reportedStatusEvents } from './reported-status-events';
export { impliedPaymentFields, type WrittenOrder } from './implied-payment-fields';
export { decideOrderMoney, type OrderMoney, type OrderMoneyDecision } from './decide-order-money';
export { decideRefund, type AppliedRefund, type RefundDecision } from './decide-refund';
export { mapHostOrder, type HostOrderMapping } from './map-host-order';
export { ORDER_EARNS, orderEarns, type OrderEarns } from './order-earns';
