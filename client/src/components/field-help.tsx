import type { ReactNode } from 'react';
import { FieldError, Text } from 'react-aria-components';
import { Icon } from '@/components/icon';

/**
 * The description and error under a field of the react-aria family, wired to it by the field itself. The
 * error is ours when the page gave one, else the field's own check (a date before its minimum), which
 * speaks the app's language through the I18nProvider.
 */
export function FieldHelp({ description, errorMessage }: { description?: ReactNode; errorMessage?: string | undefined }) {
  return (
    <>
      {description ? (
        <Text slot="description" className="muted text-sm">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">
        {({ validationErrors }) => (
          <>
            <Icon name="alertCircle" size={16} />
            <span>{errorMessage ?? validationErrors.join(' ')}</span>
          </>
        )}
      </FieldError>
    </>
  );
}
