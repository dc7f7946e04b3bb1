ALTER TABLE `creatives` ADD `approved_revision` integer;--> statement-breakpoint
ALTER TABLE `creatives` ADD `approved_title` text;--> statement-breakpoint
ALTER TABLE `creatives` ADD `approved_body` text;--> statement-breakpoint
ALTER TABLE `creatives` ADD `approved_by` text;--> statement-breakpoint
ALTER TABLE `creatives` ADD `approved_at` integer;--> statement-breakpoint
ALTER TABLE `journey_templates` ADD `translations` text;