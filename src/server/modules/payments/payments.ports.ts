import type { Role } from '../../../contracts/accounts';

export interface PaymentActor {
  userId: string;
  roles: Role[];
}

/** What an order is worth to pay, as sales sees it now. */
export interface Payable {
  amountFen: number;
  subject: string;
  /** When the orders stop waiting for payment; the provider's charge expires then too. */
  payBy?: Date | string;
}

/** What payments needs from other modules, named by use; app.ts passes the real services. */
export interface PaymentPorts {
  orders: {
    /**
     * The total and a title for paying these orders together. Throws a DomainError when an
     * order is not the buyer's, is not awaiting payment, or has expired.
     */
    payable(buyerId: string, orderIds: string[]): Promise<Payable>;
  };
}
