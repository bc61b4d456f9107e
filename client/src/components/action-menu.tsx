import { useTranslation } from 'react-i18next';
import { Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { Button } from '@/components/button';
import '@/components/ui-strings';
import { Icon, type IconName } from '@/components/icon';
import './kit.css';
import './menu.css';

export interface MenuAction {
  id: string;
  label: string;
  icon?: IconName;
  tone?: 'danger';
  isHidden?: boolean;
}

/** A "…" button opening a list of actions for one row (keyboard: arrows, Enter, Escape). */
export function ActionMenu({ label, actions, onAction }: { label: string; actions: MenuAction[]; onAction: (id: string) => void }) {
  const { t } = useTranslation('ui');
  const shown = actions.filter((action) => !action.isHidden);
  if (shown.length === 0) return null;
  return (
    <MenuTrigger>
      <Button variant="ghost" iconOnly aria-label={label || t('moreActions')}>
        <Icon name="moreVertical" size={20} />
      </Button>
      <Popover placement="bottom end" className="menu-popover">
        <Menu className="menu stack gap-0-5" onAction={(key) => onAction(String(key))}>
          {shown.map((action) => (
            <MenuItem key={action.id} id={action.id} textValue={action.label} className={`menu__item${action.tone === 'danger' ? ' menu__item--danger' : ''}`}>
              {action.icon ? <Icon name={action.icon} size={18} /> : null}
              <span>{action.label}</span>
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

/**
 * One action of a row beside its menu (edit, remove): its icon and word, the word hidden on a phone, and
 * `label` naming it in full for screen readers ("Edit Maria").
 */
export function RowAction({ icon, text, label, onPress }: { icon: IconName; text: string; label: string; onPress: () => void }) {
  return (
    <Button variant="ghost" size="sm" onPress={onPress} aria-label={label}>
      <Icon name={icon} size={16} />
      <span className="hide-on-phone">{text}</span>
    </Button>
  );
}
