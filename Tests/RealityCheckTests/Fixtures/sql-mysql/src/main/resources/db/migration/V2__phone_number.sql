ALTER TABLE `customer` CHANGE COLUMN `phone` `phone_number` VARCHAR(30) DEFAULT NULL;
