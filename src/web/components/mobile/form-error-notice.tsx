import { NoticeBar } from 'antd-mobile';

/** The one place a form shows what the server refused, announced to screen readers. */
export function FormErrorNotice({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div role="alert" className="tt-form-error-wrap">
      <NoticeBar color="error" content={message} wrap />
    </div>
  );
}
