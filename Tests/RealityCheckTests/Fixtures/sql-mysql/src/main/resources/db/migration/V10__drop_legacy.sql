DROP TABLE IF EXISTS `legacy_note`;
