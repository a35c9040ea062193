import { DomainError, NotFoundError } from '../../infra/errors';

export class LotNotFoundError extends NotFoundError {
  constructor() {
    super('LOT_NOT_FOUND');
  }
}
export class LotEventNotFoundError extends NotFoundError {
  constructor() {
    super('LOT_EVENT_NOT_FOUND');
  }
}
export class LotDateInFutureError extends DomainError {
  constructor(path: string) {
    super('LOT_DATE_IN_FUTURE', 400, {}, [{ path, message: 'in the future' }]);
  }
}
export class LotQuantityPrecisionError extends DomainError {
  constructor() {
    super('LOT_QUANTITY_PRECISION', 400, {}, [{ path: '/quantity', message: 'at most two decimals' }]);
  }
}
export class LotReportsNeedInspectionError extends DomainError {
  constructor() {
    super('LOT_REPORTS_NEED_INSPECTION', 400, {}, [{ path: '/reportIds', message: 'inspection events only' }]);
  }
}
