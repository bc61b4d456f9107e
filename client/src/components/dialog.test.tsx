import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormDialog, ReasonDialog } from '@/components/dialog';
import { TextInput } from '@/components/text-field';
import { ApiError } from '@/lib/api-error';
import { renderWithProviders } from '@/test/render';

function renderForm(props: Partial<Parameters<typeof FormDialog>[0]> = {}) {
  const onSubmit = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(
    <FormDialog title="Novo cliente" confirmLabel="Criar" pendingLabel="A criar…" onClose={onClose} onSubmit={onSubmit} {...props}>
      <TextInput label="Nome" value="" onChange={() => {}} />
    </FormDialog>,
  );
  return { onSubmit, onClose };
}

describe('FormDialog', () => {
  it('when the named action is pressed or Enter is typed in a field, then the form is submitted once each, and the page is not reloaded', async () => {
    const { onSubmit } = renderForm();
    const dialog = screen.getByRole('dialog', { name: 'Novo cliente' });
    expect(dialog).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Criar' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]?.[0].defaultPrevented).toBe(true);
    await userEvent.type(screen.getByRole('textbox', { name: 'Nome' }), '{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('when cancel is pressed, then it closes without submitting', async () => {
    const { onSubmit, onClose } = renderForm();
    await userEvent.click(screen.getByRole('button', { name: /cancelar|cancel/i }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('while the action runs, then neither the action nor Escape nor cancel does anything', async () => {
    const { onSubmit, onClose } = renderForm({ isPending: true });
    await userEvent.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    for (const button of screen.getAllByRole('button').filter((b) => !b.getAttribute('aria-label'))) await userEvent.click(button);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('when the server refused, then the refusal is shown in the dialog', () => {
    renderForm({ error: new ApiError(409, 'VERSION_CONFLICT', 'changed', 'req_7') });
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });
});

describe('ReasonDialog', () => {
  it('when the reason is shorter than three characters, then it says so and does not confirm; with a reason it confirms it trimmed', async () => {
    const onConfirm = vi.fn();
    renderWithProviders(<ReasonDialog title="Cancelar encomenda" reasonLabel="Motivo" confirmLabel="Cancelar encomenda" onOpenChange={() => {}} onConfirm={onConfirm} />);
    const confirm = screen.getByRole('button', { name: 'Cancelar encomenda' });
    await userEvent.type(screen.getByRole('textbox', { name: /Motivo/ }), 'ab');
    await userEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: /Motivo/ })).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(screen.getByRole('textbox', { name: /Motivo/ }), 'c  ');
    await userEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith('abc');
  });
});
