import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { RouterProvider } from 'react-aria-components';
import { Route, Routes } from 'react-router';
import { ButtonLink } from '@/components/button';
import { renderWithProviders } from '@/test/render';
import { isExternalHref, useAppHref } from './app-href';

describe('links inside the app', () => {
  it('when a link is a phone number, an e-mail or another site, then its address is kept as written', () => {
    renderWithProviders(
      <Routes>
        <Route
          path="/worker/cleaning/:id"
          element={
            <RouterProvider navigate={() => undefined} useHref={useAppHref}>
              <ButtonLink href="tel:+351912345678">Call</ButtonLink>
              <ButtonLink href="mailto:geral@example.pt">Write</ButtonLink>
              <ButtonLink href="https://maps.example.org/?q=Lisboa">Map</ButtonLink>
              <ButtonLink href="edit">Edit</ButtonLink>
              <ButtonLink href="/worker">Home</ButtonLink>
            </RouterProvider>
          }
        />
      </Routes>,
      { route: '/worker/cleaning/7' },
    );
    expect(screen.getByRole('link', { name: 'Call' })).toHaveAttribute('href', 'tel:+351912345678');
    expect(screen.getByRole('link', { name: 'Write' })).toHaveAttribute('href', 'mailto:geral@example.pt');
    expect(screen.getByRole('link', { name: 'Map' })).toHaveAttribute('href', 'https://maps.example.org/?q=Lisboa');
    // App paths still go through the router: relative ones resolve against the page.
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/worker/cleaning/7/edit');
    expect(screen.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/worker');
  });

  it('tells external addresses from app paths', () => {
    expect(isExternalHref('tel:+351912345678')).toBe(true);
    expect(isExternalHref('//cdn.example.org/x')).toBe(true);
    expect(isExternalHref('/admin/clients')).toBe(false);
    expect(isExternalHref('clients/3')).toBe(false);
  });
});
